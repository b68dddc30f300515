// Network ranges (CIDRs) and address matching, in normalised form: an IPv4 address that
// arrives as IPv4-mapped IPv6 (::ffff:10.0.0.1) matches an IPv4 range, and IPv6 addresses
// compare by value, not by how they were written.
import ipaddr from 'ipaddr.js';

export interface CidrList {
  readonly ranges: ReadonlyArray<[ipaddr.IPv4 | ipaddr.IPv6, number]>;
  readonly text: string[];
}

/** Parses "10.0.0.0/8, 192.168.1.5, ::1/128"; a bare address means exactly that address. */
export function parseCidrList(text: string): CidrList {
  const items = text.split(/[\s,]+/).filter(Boolean);
  const ranges: Array<[ipaddr.IPv4 | ipaddr.IPv6, number]> = [];
  for (const item of items) {
    try {
      if (item.includes('/')) {
        const [address, bits] = ipaddr.parseCIDR(item);
        ranges.push([normalise(address), bits]);
      } else {
        const address = normalise(ipaddr.parse(item));
        ranges.push([address, address.kind() === 'ipv4' ? 32 : 128]);
      }
    } catch {
      throw new Error(`"${item}" is not an IP address or CIDR range`);
    }
  }
  return { ranges, text: items };
}

function normalise(address: ipaddr.IPv4 | ipaddr.IPv6): ipaddr.IPv4 | ipaddr.IPv6 {
  if (address.kind() === 'ipv6' && (address as ipaddr.IPv6).isIPv4MappedAddress()) {
    return (address as ipaddr.IPv6).toIPv4Address();
  }
  return address;
}

/** The canonical text of an address (IPv4-mapped IPv6 unwrapped), or null if it does not parse. */
export function normaliseAddress(text: string): string | null {
  try {
    return normalise(ipaddr.parse(text.trim())).toString();
  } catch {
    return null;
  }
}

export function addressInList(addressText: string, list: CidrList): boolean {
  let address: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    address = normalise(ipaddr.parse(addressText.trim()));
  } catch {
    return false;
  }
  return list.ranges.some(([range, bits]) => range.kind() === address.kind() && address.match(range, bits));
}
