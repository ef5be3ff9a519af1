export { busContract, collect, ping, type BusUnderTest, type Received } from './bus.contract';
export { BusTestPingV1, BusTestPingV1Contract } from './bus-test-contracts';
