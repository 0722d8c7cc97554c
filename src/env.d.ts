declare module '*.svelte' {
  import type { Component } from 'svelte';
  const component: Component;
  export default component;
}
declare module '*.sql?raw' {
  const sql: string;
  export default sql;
}
