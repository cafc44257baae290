"$FRONTLINE" frames --data "$DATA" --out out --size 200x100 --theme print > /dev/null
