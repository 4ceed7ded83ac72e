#!/usr/bin/env python3
"""Writes the directory's demo-area postcode reference data (src/main/resources/reference/postcodes.csv).

The demo listings' postcodes are fictional units inside real postcode districts around Harrogate. Each is placed at
the centre of the town its listing names, moved by a fixed pseudo-random offset of up to about 700 m (the same
postcode always lands on the same point), so that distances between demo venues are realistic at the scale of a
district. District centroids are rounded public figures for the districts' main towns. For a real area, replace the
file with the ONS Postcode Directory's rows (Open Government Licence) in the same three columns.
Run from the module directory: python3 tools/demo_postcodes.py
"""
import csv
import hashlib

TOWNS = {
    "Harrogate": (53.9919, -1.5378), "Bilton": (54.0050, -1.5250), "Starbeck": (54.0000, -1.5010),
    "Pannal": (53.9600, -1.5330), "Knaresborough": (54.0085, -1.4670), "Ripon": (54.1380, -1.5240),
    "Masham": (54.2230, -1.6560), "Pateley Bridge": (54.0860, -1.7580), "Boroughbridge": (54.0960, -1.3980),
}
DISTRICTS = {
    "HG1": (54.0000, -1.5350), "HG2": (53.9850, -1.5150), "HG3": (54.0200, -1.6200), "HG4": (54.1500, -1.5700),
    "HG5": (54.0100, -1.4500), "YO51": (54.0900, -1.4000), "YO7": (54.2320, -1.3410), "YO1": (53.9590, -1.0820),
    "LS1": (53.7965, -1.5478), "LS21": (53.9050, -1.6920), "LS22": (53.9280, -1.3860), "LS29": (53.9250, -1.8220),
    "BD23": (53.9620, -2.0170), "DL8": (54.2900, -1.5900),
}
# postcodes the tests and examples use, placed in their districts
EXTRA = ["HG5 8AH", "HG5 0AX", "HG5 0AB", "HG1 5JX", "HG1 1QX", "HG1 1AA", "HG1 2RP", "HG2 0NA", "HG4 1QP", "HG4 1AA",
         "HG4 2XX", "HG5 9JD", "HG5 8LB", "YO51 9AA"]


def offset(postcode):
    h = hashlib.sha256(postcode.encode()).digest()
    return (h[0] / 255 - 0.5) * 0.012, (h[1] / 255 - 0.5) * 0.020


def main():
    points = {}
    with open("src/main/resources/demo/listings.csv", newline="") as f:
        for row in csv.DictReader(f):
            points.setdefault(row["postcode"], TOWNS[row["town"]])
    for postcode in EXTRA:
        points.setdefault(postcode, DISTRICTS[postcode.split(" ")[0]])
    with open("src/main/resources/reference/postcodes.csv", "w", newline="") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(["postcode", "latitude", "longitude"])
        for district, (lat, lon) in sorted(DISTRICTS.items()):
            out.writerow([district, f"{lat:.6f}", f"{lon:.6f}"])
        for postcode, (lat, lon) in sorted(points.items()):
            dlat, dlon = offset(postcode)
            out.writerow([postcode, f"{lat + dlat:.6f}", f"{lon + dlon:.6f}"])


if __name__ == "__main__":
    main()
