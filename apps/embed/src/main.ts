import { mount } from "./loader";

// IIFE entry: with `async`, currentScript is still set while this top-level code runs.
mount(document.currentScript || document.querySelector("script[data-organization-id]"), window);
