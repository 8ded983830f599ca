import { provideZonelessChangeDetection } from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';
import { HelpComponent } from './help.component.js';

await bootstrapApplication(HelpComponent, { providers: [provideZonelessChangeDetection()] });
