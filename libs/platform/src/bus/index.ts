export { BusContext } from './bus.context';
export { BusTransport, BusHandlerError, BUS_TRANSPORT, type BusTransportOptions } from './bus.transport';
export { BusExceptionFilter } from './bus-exception.filter';
export { createBusMicroservice } from './create-bus-microservice';
