import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// Whole-app renders are slow while other suites share the machine: wait longer than 1 s
// for elements before failing.
configure({ asyncUtilTimeout: 10_000 });
