"""A station killed in the middle of merging an exchange file: the first table is merged, then
the process is killed (SIGKILL) before the merge's transaction can commit.

    python sync_killed.py DATABASE FILE
"""

import os
import signal
import sys

from desktop.db import connect
from desktop.db import exchange as store
from desktop.stations.exchange import import_exchange

real = store.append_new


def append_then_die(*args, **kwargs):
    added = real(*args, **kwargs)
    print("merging", flush=True)
    os.kill(os.getpid(), signal.SIGKILL)
    return added


store.append_new = append_then_die
import_exchange(connect(sys.argv[1]), sys.argv[2])
