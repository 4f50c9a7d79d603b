'use strict';
// Preloaded (NODE_OPTIONS=--require) by tests that check what a command loads: at exit, writes
// the file of every CommonJS module loaded from disk to FOI_TEST_LOADED_MODULES, one per line.
const { writeFileSync } = require('node:fs');

process.on('exit', () => {
  writeFileSync(process.env.FOI_TEST_LOADED_MODULES, Object.keys(require.cache).join('\n') + '\n');
});
