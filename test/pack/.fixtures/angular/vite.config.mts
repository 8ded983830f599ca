// ngc compiles the app (out-tsc/); Vite bundles it. Angular's packages on npm are partially
// compiled, and the Angular CLI finishes them with the Angular linker as it bundles: so does this.
import { transformAsync } from '@babel/core';
import linker from '@angular/compiler-cli/linker/babel';
import { defineConfig } from 'vite';
import type { Plugin } from 'vite';

function angularLinker(): Plugin {
  return {
    name: 'angular-linker',
    async transform(code, id) {
      if (!/[\\/]node_modules[\\/]@angular[\\/]/.test(id) || !code.includes('ɵɵngDeclare')) return null;
      const result = await transformAsync(code, {
        filename: id,
        plugins: [linker],
        babelrc: false,
        configFile: false,
        compact: false,
        sourceMaps: false,
      });
      return result?.code ?? null;
    },
  };
}

export default defineConfig({ plugins: [angularLinker()] });
