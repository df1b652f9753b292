"""Servers the suite starts for itself listen on loopback, each on a port nobody uses."""

import socket


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
