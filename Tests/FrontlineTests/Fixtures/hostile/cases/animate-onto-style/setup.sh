echo '{}' > s.gif
