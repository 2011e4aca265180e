export * from './natsServer';
export * from './process';
export * from './toolPath';
export * from './waitFor';
