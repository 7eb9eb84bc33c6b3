#!/usr/bin/env node
// The npm bin: a committed, executable file, so that `npm ci` links it before the build exists.
require('../dist/main.js');
