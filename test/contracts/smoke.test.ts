import assert from "node:assert/strict";
import { network } from "hardhat";
describe("smoke", () => {
  it("deploys", async () => {
    const { viem } = await network.create();
    const s = await viem.deployContract("Smoke");
    await s.write.set([5n]);
    assert.equal(await s.read.x(), 5n);
  });
});
