module.exports = require('../kit/jest.e2e.preset.cjs').e2ePreset(__dirname);
