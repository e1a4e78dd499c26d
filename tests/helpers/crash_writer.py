"""A station that writes in a loop and says "ack <kind> <key>" after each commit.

The crash test kills it with SIGKILL at random moments; every acknowledged write must survive.
"""

import sys

from desktop.db import connect
from desktop.households import HouseholdFields, add_household, find_household


def main(db_path: str, start: int) -> None:
    conn = connect(db_path)
    n = start
    while True:
        building, room = 100 + n // 900, 101 + n % 900
        address = f"{building}-{room}"
        if find_household(conn, address) is None:
            add_household(conn, HouseholdFields(address=address, name=f"住户{n}", phone="13800000000"))
        print(f"ack household {address}", flush=True)
        n += 1


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
