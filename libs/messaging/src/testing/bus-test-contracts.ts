import { defineContract, IsCurrency, IsMinorUnits } from '@cartera/contracts';
import { IsInt, IsString, Min } from 'class-validator';

/** A contract used only by the bus test suites. */
class BusTestPingV1 {
  @IsString() debtorId!: string;
  @IsInt() @Min(0) seq!: number;
  @IsMinorUnits() amountMinor!: string;
  @IsCurrency() currency!: string;
}
defineContract('BusTestPing', 1, BusTestPingV1);
