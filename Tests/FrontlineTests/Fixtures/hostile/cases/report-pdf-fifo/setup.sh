mkfifo r.pdf
