mkdir victim && ln -s victim rep
