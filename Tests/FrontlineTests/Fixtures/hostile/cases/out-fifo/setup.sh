mkfifo out.png
