"""Group buys: suppliers, buys and their items, orders, payments, imports, arrivals."""
