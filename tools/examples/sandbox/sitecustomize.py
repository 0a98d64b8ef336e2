"""Cut course examples off the network.

The example runner puts this folder first on ``PYTHONPATH``, so every Python process an example
starts (data loader workers included) imports it. Reaching this machine itself still works:
examples may serve or connect on 127.0.0.1. Anything else fails at once with a message that
says why, rather than hanging on a download that can never finish here.
"""

import ipaddress
import socket

_LOCAL_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost", ""}


class NetworkDisabledError(ConnectionRefusedError):
    """Raised instead of reaching another host."""


def _is_local(host) -> bool:
    if host is None:
        return True  # getaddrinfo(None, port): the local wildcard address
    if isinstance(host, bytes):
        host = host.decode(errors="replace")
    host = str(host).strip("[]").split("%")[0].lower()
    if host in _LOCAL_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _refuse(host, port=None):
    where = f"{host}:{port}" if port is not None else str(host)
    raise NetworkDisabledError(
        f"network access is disabled while the course examples run (tried to reach {where}); "
        "examples build their own small data and never download"
    )


def _guard_address(address):
    # AF_UNIX addresses are paths (str/bytes), not (host, port) tuples.
    if isinstance(address, tuple) and address and not _is_local(address[0]):
        _refuse(address[0], address[1] if len(address) > 1 else None)


_getaddrinfo = socket.getaddrinfo
_gethostbyname = socket.gethostbyname
_gethostbyname_ex = socket.gethostbyname_ex
_connect = socket.socket.connect
_connect_ex = socket.socket.connect_ex
_sendto = socket.socket.sendto


def _guarded_getaddrinfo(host, port, *args, **kwargs):
    if not _is_local(host):
        _refuse(host, port)
    return _getaddrinfo(host, port, *args, **kwargs)


def _guarded_gethostbyname(host):
    if not _is_local(host):
        _refuse(host)
    return _gethostbyname(host)


def _guarded_gethostbyname_ex(host):
    if not _is_local(host):
        _refuse(host)
    return _gethostbyname_ex(host)


def _guarded_connect(self, address):
    _guard_address(address)
    return _connect(self, address)


def _guarded_connect_ex(self, address):
    _guard_address(address)
    return _connect_ex(self, address)


def _guarded_sendto(self, data, *args):
    _guard_address(args[-1])
    return _sendto(self, data, *args)


socket.getaddrinfo = _guarded_getaddrinfo
socket.gethostbyname = _guarded_gethostbyname
socket.gethostbyname_ex = _guarded_gethostbyname_ex
socket.socket.connect = _guarded_connect
socket.socket.connect_ex = _guarded_connect_ex
socket.socket.sendto = _guarded_sendto
