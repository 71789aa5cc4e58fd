//! Which IP addresses `send` and `relay` refuse to reach unless `--allow-private`: this
//! machine, the local network, cloud metadata and every other range that is not a public
//! unicast destination (IANA's special-purpose registries), IPv6 forms that carry an IPv4
//! address included.
//!
//! The ranges are data ([`IPV4`], [`IPV6`]), first match wins. An IPv6 address that embeds an
//! IPv4 one (IPv4-mapped `::ffff:a.b.c.d`, IPv4-compatible `::a.b.c.d`, NAT64 `64:ff9b::/96`,
//! 6to4 `2002::/16`) is judged by the IPv4 address it reaches, so `::ffff:127.0.0.1` is loopback.
//!
//! This is not core's `url-unreachable-host` classifier: that one asks what testRTC's cloud
//! can reach from a URL's text; this one guards what this machine connects to, after DNS.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

/// A range of addresses that is not a public destination.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reserved {
    /// 127.0.0.0/8, ::1: this machine.
    Loopback,
    /// 10/8, 172.16/12, 192.168/16 (RFC 1918).
    Private,
    /// 100.64.0.0/10 (RFC 6598): a carrier's NAT, behind which other customers sit.
    SharedAddressSpace,
    /// 169.254.0.0/16, fe80::/10; cloud metadata services answer at 169.254.169.254.
    LinkLocal,
    /// 0.0.0.0/8, ::: "this host" or "this network", which reach this machine.
    Unspecified,
    /// 224.0.0.0/4, ff00::/8.
    Multicast,
    /// fc00::/7 (RFC 4193), and the deprecated site-local fec0::/10.
    UniqueLocal,
    /// Documentation, benchmarking, protocol assignments, the future-use block and the
    /// broadcast address: never a webhook's host.
    SpecialPurpose,
}

impl Reserved {
    /// "a loopback address (this machine)", to follow an address in a sentence.
    pub fn description(self) -> &'static str {
        match self {
            Reserved::Loopback => "a loopback address (this machine)",
            Reserved::Private => "a private network address (RFC 1918)",
            Reserved::SharedAddressSpace => {
                "a carrier-grade NAT address (100.64.0.0/10), not a public one"
            }
            Reserved::LinkLocal => {
                "a link-local address (169.254.0.0/16 or fe80::/10, where cloud metadata \
                 services answer)"
            }
            Reserved::Unspecified => "the unspecified address (\"this host\")",
            Reserved::Multicast => "a multicast address",
            Reserved::UniqueLocal => "a private IPv6 address (unique local, fc00::/7)",
            Reserved::SpecialPurpose => {
                "a special-purpose address (documentation, benchmarking or reserved)"
            }
        }
    }
}

/// IPv4 ranges as (network, prefix length, kind), most specific first.
pub const IPV4: [(Ipv4Addr, u8, Reserved); 15] = [
    (Ipv4Addr::new(0, 0, 0, 0), 8, Reserved::Unspecified),
    (Ipv4Addr::new(10, 0, 0, 0), 8, Reserved::Private),
    (
        Ipv4Addr::new(100, 64, 0, 0),
        10,
        Reserved::SharedAddressSpace,
    ),
    (Ipv4Addr::new(127, 0, 0, 0), 8, Reserved::Loopback),
    (Ipv4Addr::new(169, 254, 0, 0), 16, Reserved::LinkLocal),
    (Ipv4Addr::new(172, 16, 0, 0), 12, Reserved::Private),
    (Ipv4Addr::new(192, 0, 0, 0), 24, Reserved::SpecialPurpose),
    (Ipv4Addr::new(192, 0, 2, 0), 24, Reserved::SpecialPurpose),
    (Ipv4Addr::new(192, 88, 99, 0), 24, Reserved::SpecialPurpose),
    (Ipv4Addr::new(192, 168, 0, 0), 16, Reserved::Private),
    (Ipv4Addr::new(198, 18, 0, 0), 15, Reserved::SpecialPurpose),
    (Ipv4Addr::new(198, 51, 100, 0), 24, Reserved::SpecialPurpose),
    (Ipv4Addr::new(203, 0, 113, 0), 24, Reserved::SpecialPurpose),
    (Ipv4Addr::new(224, 0, 0, 0), 4, Reserved::Multicast),
    // The future-use block, 255.255.255.255 (broadcast) included.
    (Ipv4Addr::new(240, 0, 0, 0), 4, Reserved::SpecialPurpose),
];

/// IPv6 ranges as (network, prefix length, kind), most specific first. The ranges that embed
/// an IPv4 address are apart ([`embedded_ipv4`]).
pub const IPV6: [(Ipv6Addr, u8, Reserved); 12] = [
    (Ipv6Addr::UNSPECIFIED, 128, Reserved::Unspecified),
    (Ipv6Addr::LOCALHOST, 128, Reserved::Loopback),
    // NAT64 for local use (RFC 8215): its IPv4 side is the operator's choice.
    (
        Ipv6Addr::new(0x64, 0xff9b, 1, 0, 0, 0, 0, 0),
        48,
        Reserved::UniqueLocal,
    ),
    // Discard-only (RFC 6666).
    (
        Ipv6Addr::new(0x100, 0, 0, 0, 0, 0, 0, 0),
        64,
        Reserved::SpecialPurpose,
    ),
    // Teredo (its IPv4 side is obfuscated) and the rest of the IETF protocol block's start.
    (
        Ipv6Addr::new(0x2001, 0, 0, 0, 0, 0, 0, 0),
        32,
        Reserved::SpecialPurpose,
    ),
    // Benchmarking (RFC 5180).
    (
        Ipv6Addr::new(0x2001, 2, 0, 0, 0, 0, 0, 0),
        48,
        Reserved::SpecialPurpose,
    ),
    // Documentation (RFC 3849, RFC 9637).
    (
        Ipv6Addr::new(0x2001, 0xdb8, 0, 0, 0, 0, 0, 0),
        32,
        Reserved::SpecialPurpose,
    ),
    (
        Ipv6Addr::new(0x3fff, 0, 0, 0, 0, 0, 0, 0),
        20,
        Reserved::SpecialPurpose,
    ),
    (
        Ipv6Addr::new(0xfc00, 0, 0, 0, 0, 0, 0, 0),
        7,
        Reserved::UniqueLocal,
    ),
    (
        Ipv6Addr::new(0xfe80, 0, 0, 0, 0, 0, 0, 0),
        10,
        Reserved::LinkLocal,
    ),
    // Site-local, deprecated (RFC 3879) but still routed inside some networks.
    (
        Ipv6Addr::new(0xfec0, 0, 0, 0, 0, 0, 0, 0),
        10,
        Reserved::UniqueLocal,
    ),
    (
        Ipv6Addr::new(0xff00, 0, 0, 0, 0, 0, 0, 0),
        8,
        Reserved::Multicast,
    ),
];

/// The reserved range `ip` is in, or `None` for a public unicast address.
pub fn reserved(ip: IpAddr) -> Option<Reserved> {
    match ip {
        IpAddr::V4(v4) => reserved_v4(v4),
        IpAddr::V6(v6) => {
            let bits = u128::from(v6);
            let listed = IPV6
                .iter()
                .find(|(network, length, _)| in_prefix(bits, u128::from(*network), *length, 128))
                .map(|(_, _, kind)| *kind);
            listed.or_else(|| embedded_ipv4(v6).and_then(reserved_v4))
        }
    }
}

fn reserved_v4(ip: Ipv4Addr) -> Option<Reserved> {
    let bits = u128::from(u32::from(ip));
    IPV4.iter()
        .find(|(network, length, _)| in_prefix(bits, u128::from(u32::from(*network)), *length, 32))
        .map(|(_, _, kind)| *kind)
}

/// The IPv4 address an IPv6 address carries and reaches: IPv4-mapped (`::ffff:0:0/96`),
/// IPv4-compatible (`::/96`, deprecated), NAT64 (`64:ff9b::/96`) or 6to4 (`2002::/16`).
pub fn embedded_ipv4(ip: Ipv6Addr) -> Option<Ipv4Addr> {
    let bits = u128::from(ip);
    let low32 = Ipv4Addr::from((bits & 0xffff_ffff) as u32);
    let mapped = u128::from(Ipv6Addr::new(0, 0, 0, 0, 0, 0xffff, 0, 0));
    let nat64 = u128::from(Ipv6Addr::new(0x64, 0xff9b, 0, 0, 0, 0, 0, 0));
    let six_to_four = u128::from(Ipv6Addr::new(0x2002, 0, 0, 0, 0, 0, 0, 0));
    if in_prefix(bits, mapped, 96, 128)
        || in_prefix(bits, 0, 96, 128)
        || in_prefix(bits, nat64, 96, 128)
    {
        Some(low32)
    } else if in_prefix(bits, six_to_four, 16, 128) {
        Some(Ipv4Addr::from((bits >> 80) as u32))
    } else {
        None
    }
}

/// Whether `bits` is in `network/length`, for addresses `width` bits wide.
fn in_prefix(bits: u128, network: u128, length: u8, width: u8) -> bool {
    let shift = u32::from(width - length);
    // A shift by the full width would overflow: a /0 holds everything.
    shift >= 128 || (bits >> shift) == (network >> shift)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(text: &str) -> Option<Reserved> {
        reserved(text.parse().expect("an IP address"))
    }

    #[test]
    fn every_ipv4_range_is_refused_from_its_first_to_its_last_address() {
        use Reserved::*;
        for (first, last, expected) in [
            ("0.0.0.0", "0.255.255.255", Unspecified),
            ("10.0.0.0", "10.255.255.255", Private),
            ("100.64.0.0", "100.127.255.255", SharedAddressSpace),
            ("127.0.0.0", "127.255.255.255", Loopback),
            ("169.254.0.0", "169.254.255.255", LinkLocal),
            ("172.16.0.0", "172.31.255.255", Private),
            ("192.0.0.0", "192.0.0.255", SpecialPurpose),
            ("192.0.2.0", "192.0.2.255", SpecialPurpose),
            ("192.88.99.0", "192.88.99.255", SpecialPurpose),
            ("192.168.0.0", "192.168.255.255", Private),
            ("198.18.0.0", "198.19.255.255", SpecialPurpose),
            ("198.51.100.0", "198.51.100.255", SpecialPurpose),
            ("203.0.113.0", "203.0.113.255", SpecialPurpose),
            ("224.0.0.0", "239.255.255.255", Multicast),
            ("240.0.0.0", "255.255.255.255", SpecialPurpose),
        ] {
            assert_eq!(kind(first), Some(expected), "{first}");
            assert_eq!(kind(last), Some(expected), "{last}");
        }
    }

    #[test]
    fn cloud_metadata_is_link_local() {
        assert_eq!(kind("169.254.169.254"), Some(Reserved::LinkLocal));
        assert_eq!(kind("fd00:ec2::254"), Some(Reserved::UniqueLocal));
    }

    #[test]
    fn the_public_neighbours_of_ipv4_ranges_are_allowed() {
        for public in [
            "1.0.0.0",
            "9.255.255.255",
            "11.0.0.0",
            "100.63.255.255",
            "100.128.0.0",
            "126.255.255.255",
            "128.0.0.0",
            "169.253.255.255",
            "169.255.0.0",
            "172.15.255.255",
            "172.32.0.0",
            "192.0.1.0",
            "192.167.255.255",
            "192.169.0.0",
            "198.17.255.255",
            "198.20.0.0",
            "223.255.255.255",
            "8.8.8.8",
            "1.1.1.1",
        ] {
            assert_eq!(kind(public), None, "{public}");
        }
    }

    #[test]
    fn every_ipv6_range_is_refused_from_its_first_to_its_last_address() {
        use Reserved::*;
        for (first, last, expected) in [
            ("::", "::", Unspecified),
            ("::1", "::1", Loopback),
            (
                "64:ff9b:1::",
                "64:ff9b:1:ffff:ffff:ffff:ffff:ffff",
                UniqueLocal,
            ),
            ("100::", "100::ffff:ffff:ffff:ffff", SpecialPurpose),
            (
                "2001::",
                "2001:0:ffff:ffff:ffff:ffff:ffff:ffff",
                SpecialPurpose,
            ),
            (
                "2001:2::",
                "2001:2:0:ffff:ffff:ffff:ffff:ffff",
                SpecialPurpose,
            ),
            (
                "2001:db8::",
                "2001:db8:ffff:ffff:ffff:ffff:ffff:ffff",
                SpecialPurpose,
            ),
            (
                "3fff::",
                "3fff:fff:ffff:ffff:ffff:ffff:ffff:ffff",
                SpecialPurpose,
            ),
            (
                "fc00::",
                "fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff",
                UniqueLocal,
            ),
            (
                "fe80::",
                "febf:ffff:ffff:ffff:ffff:ffff:ffff:ffff",
                LinkLocal,
            ),
            (
                "fec0::",
                "feff:ffff:ffff:ffff:ffff:ffff:ffff:ffff",
                UniqueLocal,
            ),
            (
                "ff00::",
                "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff",
                Multicast,
            ),
        ] {
            assert_eq!(kind(first), Some(expected), "{first}");
            assert_eq!(kind(last), Some(expected), "{last}");
        }
    }

    #[test]
    fn public_ipv6_addresses_are_allowed() {
        for public in [
            "2606:4700:4700::1111",
            "2001:4860:4860::8888",
            "2a00:1450:4001:80b::200e",
            "2001:1::",
            "fbff:ffff::",
            "64:ff9b::808:808",
            "2002:808:808::",
            "::ffff:8.8.8.8",
        ] {
            assert_eq!(kind(public), None, "{public}");
        }
    }

    #[test]
    fn ipv6_forms_of_a_reserved_ipv4_address_are_refused_as_that_address() {
        use Reserved::*;
        for (ipv6, expected) in [
            ("::ffff:127.0.0.1", Loopback),
            ("::ffff:7f00:1", Loopback),
            ("::ffff:10.1.2.3", Private),
            ("::ffff:169.254.169.254", LinkLocal),
            ("::ffff:0.0.0.0", Unspecified),
            ("::ffff:224.0.0.1", Multicast),
            ("::127.0.0.1", Loopback),
            ("::192.168.1.1", Private),
            ("::0.0.0.2", Unspecified),
            ("64:ff9b::127.0.0.1", Loopback),
            ("64:ff9b::a9fe:a9fe", LinkLocal),
            ("2002:7f00:1::", Loopback),
            ("2002:c0a8:101::1", Private),
            ("2002:a9fe:a9fe::", LinkLocal),
        ] {
            assert_eq!(kind(ipv6), Some(expected), "{ipv6}");
        }
    }

    #[test]
    fn the_embedded_ipv4_address_is_read_from_each_form() {
        let v4 = |text: &str| embedded_ipv4(text.parse().unwrap());
        let loopback = Some(Ipv4Addr::LOCALHOST);
        assert_eq!(v4("::ffff:127.0.0.1"), loopback);
        assert_eq!(v4("::127.0.0.1"), loopback);
        assert_eq!(v4("64:ff9b::7f00:1"), loopback);
        assert_eq!(v4("2002:7f00:1:2:3:4:5:6"), loopback);
        assert_eq!(v4("2606:4700::1111"), None);
    }
}
