"$FRONTLINE" frames --data "$DATA" --out out --size 200x100 > /dev/null && sed -i 's/30.9/30.95/g' "$DATA/control/2024-02-01.geojson"
