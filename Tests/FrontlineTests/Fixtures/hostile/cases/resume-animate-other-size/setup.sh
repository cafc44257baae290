"$FRONTLINE" animate --data "$DATA" --to 2024-01-03 --size 200x100 --out out > /dev/null 2>&1
