mkfifo c.svg
