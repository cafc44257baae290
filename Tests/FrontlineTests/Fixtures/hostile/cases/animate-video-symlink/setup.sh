echo precious > victim.txt && ln -s victim.txt a.mp4
