echo '{}' > s.pdf
