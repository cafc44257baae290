mkdir victim && ln -s victim out
