"""SSRF guard: which addresses fetching may connect to, enforced at connect time.

Why at connect time: checking a URL's host and then letting the HTTP client resolve it again
leaves a DNS-rebinding window (the second answer may be 127.0.0.1). `GuardedBackend` is an
httpcore network backend that resolves the host once with getaddrinfo, refuses the connection
when ANY resolved address is forbidden, and then connects to exactly the addresses it checked.
For https the TLS handshake still uses the URL's hostname for SNI and certificate verification
(httpcore passes the origin host to `start_tls`), so pinning the IP does not weaken TLS.

Every redirect hop opens its connection through this backend, so a 302 to 127.0.0.1 is refused
like a direct request. Numeric host forms that `ipaddress` cannot parse (`0x7f.1`, `2130706433`,
`017700000001`, `127.1`) are resolved by getaddrinfo exactly as the OS would connect to them.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
import typing
from dataclasses import dataclass

import httpcore

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

_CGNAT = ipaddress.ip_network("100.64.0.0/10")
_NAT64 = (ipaddress.ip_network("64:ff9b::/96"), ipaddress.ip_network("64:ff9b:1::/48"))
_IPV4_COMPATIBLE = ipaddress.ip_network("::/96")


class BlockedAddressError(Exception):
    """A connection the guard refused; the message says which host, address and why."""


@dataclass(frozen=True)
class AddressPolicy:
    allow_private_networks: bool = False
    allow_hosts: frozenset[str] = frozenset()  # "HOST:PORT", exactly as in the URL

    def lifts(self, host: str, port: int) -> bool:
        """True when the guard does not apply to this host and port."""
        if self.allow_private_networks:
            return True
        host = host.lower()
        return f"{host}:{port}" in self.allow_hosts or f"[{host}]:{port}" in self.allow_hosts


def embedded_ipv4(address: IPAddress) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 address carries (mapped, compatible, 6to4, NAT64, Teredo)."""
    if not isinstance(address, ipaddress.IPv6Address):
        return None
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address.sixtofour is not None:
        return address.sixtofour
    if address.teredo is not None:
        return address.teredo[1]  # the client address
    if any(address in net for net in _NAT64):
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    if address in _IPV4_COMPATIBLE and int(address) > 1:  # "::a.b.c.d" (not :: or ::1)
        return ipaddress.IPv4Address(int(address))
    return None


def _own_reason(address: IPAddress) -> str | None:
    if address.is_loopback:
        return "loopback"
    if address.is_unspecified:
        return "unspecified"
    if address.is_link_local:
        return "link-local"
    if address.is_multicast:
        return "multicast"
    if isinstance(address, ipaddress.IPv4Address) and address in _CGNAT:
        return "carrier-grade NAT (100.64.0.0/10)"
    if isinstance(address, ipaddress.IPv6Address) and address in ipaddress.ip_network("fc00::/7"):
        return "unique-local"
    if address.is_private:
        return "private"
    if address.is_reserved:
        return "reserved"
    if not address.is_global:
        return "not globally routable"
    return None


def forbidden_reason(address: IPAddress) -> str | None:
    """Why connecting to `address` is refused, or None when it is a public address."""
    inner = embedded_ipv4(address)
    if inner is not None:
        reason = _own_reason(inner)
        if reason:
            return f"{reason} address ({inner}, embedded in {address})"
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return None  # ::ffff:0:0/96 is "private" as a range; the embedded address decided above
    reason = _own_reason(address)
    return f"{reason} address" if reason else None


async def resolve(host: str, port: int) -> list[IPAddress]:
    """All addresses the OS would connect to for host (numeric forms included), in order."""
    loop = asyncio.get_running_loop()
    infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM, proto=socket.IPPROTO_TCP)
    addresses: list[IPAddress] = []
    for _family, _type, _proto, _canon, sockaddr in infos:
        address = ipaddress.ip_address(str(sockaddr[0]).split("%", 1)[0])  # drop an IPv6 zone id
        if address not in addresses:
            addresses.append(address)
    return addresses


async def checked_addresses(host: str, port: int, policy: AddressPolicy) -> list[IPAddress]:
    """Resolve host and return its addresses, or raise BlockedAddressError if any is forbidden."""
    try:
        addresses = await resolve(host, port)
    except (socket.gaierror, UnicodeError) as error:
        raise httpcore.ConnectError(f"could not resolve host {host!r}: {error}") from error
    if not addresses:
        raise httpcore.ConnectError(f"host {host!r} resolved to no address")
    if policy.lifts(host, port):
        return addresses
    for address in addresses:
        reason = forbidden_reason(address)
        if reason:
            raise BlockedAddressError(
                f"refused to connect to {host}:{port}: it resolves to {address}, a {reason} "
                "(allow with --allow-private-networks or --allow-host HOST:PORT)"
            )
    return addresses


class GuardedBackend(httpcore.AsyncNetworkBackend):
    """httpcore network backend that connects only to addresses the guard checked."""

    def __init__(self, policy: AddressPolicy) -> None:
        self._policy = policy
        self._inner = httpcore.AnyIOBackend()

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: typing.Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        addresses = await checked_addresses(host, port, self._policy)
        last_error: Exception | None = None
        for address in addresses:  # the pinned addresses, never the name again
            try:
                return await self._inner.connect_tcp(
                    str(address),
                    port,
                    timeout=timeout,
                    local_address=local_address,
                    socket_options=socket_options,
                )
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as error:
                last_error = error
        assert last_error is not None
        raise last_error

    async def connect_unix_socket(self, *args: typing.Any, **kwargs: typing.Any) -> typing.NoReturn:
        raise BlockedAddressError("unix sockets are never used for fetching")

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)
