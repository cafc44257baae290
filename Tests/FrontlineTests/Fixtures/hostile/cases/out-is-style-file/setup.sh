echo '{}' > style.svg
