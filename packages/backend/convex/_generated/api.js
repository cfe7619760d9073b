/* eslint-disable */
  /**
   * Generated `api` utility.
   *
   * THIS CODE IS AUTOMATICALLY GENERATED.
   *
   * To regenerate, run `npx convex dev`.
   * @module
   */
  
import { anyApi, componentsGeneric } from "convex/server";

  /**
     * A utility for referencing Convex functions in your app's API.
     *
     * Usage:
     * ```js
     * const myFunctionReference = api.myModule.myFunction;
     * ```
     */
export const api = anyApi;
export const internal = anyApi;
export const components = componentsGeneric();
