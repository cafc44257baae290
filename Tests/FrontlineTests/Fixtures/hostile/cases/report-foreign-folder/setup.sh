mkdir rep && echo '<html></html>' > rep/index.html && echo keep > rep/notes.txt
