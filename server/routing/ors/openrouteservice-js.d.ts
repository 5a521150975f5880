/** Minimal typing of the untyped openrouteservice-js client: only what this project calls. */
declare module 'openrouteservice-js' {
  interface OrsClientArgs {
    api_key?: string;
    host?: string;
    timeout?: number;
  }
  interface OrsService {
    calculate(args: Record<string, unknown>): Promise<unknown>;
  }
  const Openrouteservice: {
    Matrix: new (args: OrsClientArgs) => OrsService;
    Isochrones: new (args: OrsClientArgs) => OrsService;
  };
  export default Openrouteservice;
}
