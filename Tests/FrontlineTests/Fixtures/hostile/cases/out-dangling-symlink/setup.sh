ln -s nowhere.png out.png
