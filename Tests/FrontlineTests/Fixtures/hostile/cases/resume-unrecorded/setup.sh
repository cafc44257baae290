"$FRONTLINE" frames --data "$DATA" --out out --size 200x100 > /dev/null && rm -f out/.frontline-run
