export { busContract, collect, ping, type BusUnderTest, type Received } from './bus.contract';
