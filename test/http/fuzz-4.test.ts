// Part 4 of the hostile-input suite (test/http/fuzz/suite.ts): no input answers 5xx.
import { fuzzSuite } from './fuzz/suite.ts';

fuzzSuite(3, 4);
