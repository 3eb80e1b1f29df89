"""The address rules of the SSRF guard, and host resolution of numeric forms."""

from __future__ import annotations

import asyncio
import ipaddress
import socket

import pytest

from tasks.fetch import FetchPolicy, fetch_all
from tasks.models import FetchRequest
from tasks.netguard import (
    AddressPolicy,
    BlockedAddressError,
    checked_addresses,
    embedded_ipv4,
    forbidden_reason,
)
from tests.hostile_servers import HostileServer

FORBIDDEN = {
    "127.0.0.1": "loopback",
    "127.255.0.9": "loopback",
    "10.1.2.3": "private",
    "172.16.0.1": "private",
    "192.168.1.1": "private",
    "169.254.169.254": "link-local",
    "100.64.0.1": "carrier-grade NAT",
    "100.127.255.254": "carrier-grade NAT",
    "0.0.0.0": "unspecified",
    "224.0.0.1": "multicast",
    "240.0.0.1": "private",  # reserved 240/4; Python counts it as private
    "255.255.255.255": "private",
    "::1": "loopback",
    "::": "unspecified",
    "fe80::1": "link-local",
    "fc00::1": "unique-local",
    "fd12:3456::1": "unique-local",
    "ff02::1": "multicast",
    "::ffff:127.0.0.1": "loopback",
    "::ffff:10.0.0.1": "private",
    "::127.0.0.1": "loopback",  # IPv4-compatible
    "2002:7f00:1::": "loopback",  # 6to4 around 127.0.0.1
    "2002:a9fe:a9fe::1": "link-local",  # 6to4 around 169.254.169.254
    "64:ff9b::7f00:1": "loopback",  # NAT64 around 127.0.0.1
    "64:ff9b::a9fe:a9fe": "link-local",
}
PUBLIC = ["8.8.8.8", "93.184.216.34", "100.128.0.1", "2606:4700::1111", "::ffff:8.8.8.8", "2002:808:808::1"]


@pytest.mark.parametrize(("address", "reason"), FORBIDDEN.items())
def test_forbidden_addresses_are_refused_with_their_reason(address: str, reason: str) -> None:
    found = forbidden_reason(ipaddress.ip_address(address))
    assert found is not None and reason in found


@pytest.mark.parametrize("address", PUBLIC)
def test_public_addresses_pass(address: str) -> None:
    assert forbidden_reason(ipaddress.ip_address(address)) is None


def test_embedded_ipv4_unwraps_mapped_and_nat64() -> None:
    assert str(embedded_ipv4(ipaddress.ip_address("::ffff:127.0.0.1"))) == "127.0.0.1"
    assert str(embedded_ipv4(ipaddress.ip_address("64:ff9b::808:808"))) == "8.8.8.8"
    assert embedded_ipv4(ipaddress.ip_address("2606:4700::1111")) is None


@pytest.mark.parametrize(
    "host", ["0x7f.1", "2130706433", "017700000001", "127.1", "::ffff:127.0.0.1", "localhost"]
)
def test_numeric_and_named_loopback_forms_are_blocked(host: str) -> None:
    with pytest.raises(BlockedAddressError, match="loopback"):
        asyncio.run(checked_addresses(host, 9000, AddressPolicy()))


def test_allow_hosts_lifts_exactly_one_host_and_port() -> None:
    policy = AddressPolicy(allow_hosts=frozenset({"127.0.0.1:8000"}))
    assert asyncio.run(checked_addresses("127.0.0.1", 8000, policy)) == [ipaddress.ip_address("127.0.0.1")]
    for host, port in [("127.0.0.1", 9000), ("127.1", 8000), ("localhost", 8000)]:
        with pytest.raises(BlockedAddressError):
            asyncio.run(checked_addresses(host, port, policy))


def test_allow_private_networks_lifts_everything() -> None:
    policy = AddressPolicy(allow_private_networks=True)
    assert asyncio.run(checked_addresses("0x7f.1", 9000, policy)) == [ipaddress.ip_address("127.0.0.1")]


@pytest.fixture
def fake_dns(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[str]]:
    """Names the test makes up, answered without a DNS server; other names resolve as usual."""
    answers: dict[str, list[str]] = {}
    real_getaddrinfo = socket.getaddrinfo

    def getaddrinfo(host, port, *args, **kwargs):  # type: ignore[no-untyped-def]
        if host in answers:
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (ip, port)) for ip in answers[host]]
        return real_getaddrinfo(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    return answers


def test_a_name_with_any_private_address_is_blocked(fake_dns: dict[str, list[str]]) -> None:
    fake_dns["mixed.test"] = ["93.184.216.34", "10.0.0.7"]
    with pytest.raises(BlockedAddressError, match="10.0.0.7"):
        asyncio.run(checked_addresses("mixed.test", 443, AddressPolicy()))


def test_fetch_connects_to_the_checked_address_and_keeps_the_host_header(
    fake_dns: dict[str, list[str]],
) -> None:
    with HostileServer() as server:
        fake_dns["feeds.test"] = ["127.0.0.1"]
        policy = FetchPolicy(allow_hosts=frozenset({f"feeds.test:{server.port}"}), retries=0)
        result = fetch_all([FetchRequest(f"http://feeds.test:{server.port}/page.html")], policy)[0]
        assert result.outcome == "ok"
        page_request = next(r for r in server.requests if r.path == "/page.html")
        assert page_request.headers["host"] == f"feeds.test:{server.port}"
        fake_dns["rebound.test"] = ["127.0.0.1"]  # a public-looking name answering with loopback
        blocked = fetch_all([FetchRequest(f"http://rebound.test:{server.port}/page.html")], policy)[0]
        assert blocked.outcome == "blocked"
        assert "rebound.test" in (blocked.error or "") and "127.0.0.1" in (blocked.error or "")
