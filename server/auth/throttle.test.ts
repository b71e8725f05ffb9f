import { describe, expect, it } from 'vitest'

import { addressBlock, LoginThrottle, MemoryAttemptStore } from './throttle'

describe('addressBlock', () => {
  it.each([
    ['192.0.2.7', '192.0.2.7'],
    ['::ffff:192.0.2.7', '192.0.2.7'],
    ['2001:db8:aa:bb:1:2:3:4', '2001:db8:aa:bb::/64'],
    ['2001:0db8:00aa:00bb:ffff::1', '2001:db8:aa:bb::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['2001:DB8:0:0:9::', '2001:db8:0:0::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
  ])('counts %s as %s', (address, block) => {
    expect(addressBlock(address)).toBe(block)
  })
})

describe('LoginThrottle', () => {
  it('counts a whole IPv6 /64 as one address', async () => {
    const throttle = new LoginThrottle({
      store: new MemoryAttemptStore(),
      maxPerAccount: 100,
      maxPerAddress: 2,
      windowMs: 60_000,
    })

    expect(await throttle.begin('a@school.test', '2001:db8:1:2::10')).toBeNull()
    expect(await throttle.begin('b@school.test', '2001:db8:1:2::11')).toBeNull()
    expect(await throttle.begin('c@school.test', '2001:db8:1:2:ffff::12')).toBeGreaterThan(0)
    expect(await throttle.begin('d@school.test', '2001:db8:1:3::10')).toBeNull()
  })

  it('reports the seconds left in the window', async () => {
    const throttle = new LoginThrottle({
      store: new MemoryAttemptStore(),
      maxPerAccount: 1,
      maxPerAddress: 100,
      windowMs: 90_000,
    })

    expect(await throttle.begin('a@school.test', '192.0.2.1')).toBeNull()
    const retryAfter = await throttle.begin('a@school.test', '192.0.2.1')
    expect(retryAfter).toBeGreaterThan(0)
    expect(retryAfter).toBeLessThanOrEqual(90)
  })
})
