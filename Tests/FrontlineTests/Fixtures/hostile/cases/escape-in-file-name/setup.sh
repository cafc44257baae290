printf '{' > "$DATA/control/$(printf '\033')[2Jbad.geojson"
