echo precious > victim.txt && ln -s victim.txt out.png
