import { test, expect } from './fixtures';
import { credential, rawWall, readOnlyToken } from './support/sim-oracle';

test.describe('connect and watch', () => {
  test.use({ simOptions: { streams: 12, groups: 2, seed: 11, lifecycle: false, thumbIntervalRange: [10, 10] } });

  test('a good key is checked, stored, and the wall shows every stream with a decoded picture', async ({ sim, connect, wall, harness }) => {
    const oracle = await rawWall(sim);
    await connect.connectWith(sim.baseUrl, readOnlyToken(sim));
    await expect(wall.tiles).toHaveCount(oracle.ids.length);
    for (const id of oracle.ids) await expect(wall.tile(id)).toBeVisible();
    await expect.poll(() => wall.decodedPictureCount(), { timeout: 20_000 }).toBe(oracle.withThumbnail.length);
    expect(oracle.withThumbnail.length).toBeGreaterThan(3);
    const session = await harness.app.session.view();
    expect(session.profiles).toHaveLength(1);
    expect(session.profiles[0]?.hasCredential).toBe(true);
    await expect(wall.statusBar).toContainText(/online/i);
  });

  test('a picture that changes in bintu changes on the wall within one interval plus one poll', async ({ sim, connect, wall }) => {
    const oracle = await rawWall(sim);
    await connect.connectWith(sim.baseUrl, readOnlyToken(sim));
    const id = oracle.live.find((candidate) => oracle.withThumbnail.includes(candidate));
    expect(id, 'the simulator has a live stream with a thumbnail').toBeTruthy();
    await expect.poll(() => wall.pictureSrc(id as string), { timeout: 20_000 }).toMatch(/wall-asset/);
    const first = await wall.pictureSrc(id as string);
    // Thumbnail interval 10 s, list poll 5 s: the new picture must be on the wall within 15 s (plus margin).
    await expect.poll(() => wall.pictureSrc(id as string), { timeout: 17_000, intervals: [500] }).not.toBe(first);
    expect(await wall.decodedPictureCount()).toBeGreaterThan(0);
  });

  test('a wrong key shows bintu\'s error and stores nothing', async ({ sim, connect, harness }) => {
    await connect.connectWith(sim.baseUrl, 'definitely-not-a-key-0000');
    await expect(connect.error).toContainText('User Credentials are not valid');
    await expect(connect.error).toContainText('4002');
    const session = await harness.app.session.view();
    expect(session.profiles).toEqual([]);
    expect(session.activeProfileId).toBeNull();
    // The old error goes as soon as the operator changes what was typed.
    await connect.token.fill('another-attempt');
    await expect(connect.error).toHaveCount(0);
  });

  test('an insecure API base is refused before any request', async ({ sim, connect }) => {
    await connect.connectWith('http://bintu.example.com', credential(sim).secret);
    await expect(connect.page.getByText(/https/i).first()).toBeVisible();
    expect(sim.stats().requests.list ?? 0).toBe(0);
  });
});

test.describe('in German', () => {
  test.use({ locale: 'de-DE' });

  test('the API base check speaks German too', async ({ connect }) => {
    await connect.page.getByLabel('API-Adresse').fill('http://bintu.example.com');
    await expect(connect.page.getByText('Die API-Adresse muss https:// verwenden', { exact: false })).toBeVisible();
    await expect(connect.page.getByText('must use https://', { exact: false })).toHaveCount(0);
  });
});

test('the demo button gives a working wall, and leaving it stops the simulator', async ({ connect, wall, harness }) => {
  await connect.demo.click();
  await expect(wall.demoBanner).toBeVisible();
  await expect.poll(() => harness.app.session.wall().streams.length, { timeout: 20_000 }).toBeGreaterThanOrEqual(24);
  // What does not fit one screen is on further pages, not cut off.
  await expect.poll(async () => (await wall.pageOf()).pages * (await wall.tiles.count())).toBeGreaterThanOrEqual(harness.app.session.wall().streams.length);
  await expect.poll(() => wall.decodedPictureCount(), { timeout: 25_000 }).toBeGreaterThanOrEqual(10);
  const demoBase = (await harness.app.session.view()).profiles[0]?.apiBase as string;
  await connect.page.getByRole('button', { name: 'Leave demo' }).click();
  await expect(connect.demo).toBeVisible();
  await expect(fetch(`${demoBase}/stream`).then((r) => r.status)).rejects.toThrow();
});
