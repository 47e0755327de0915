/** After the next frame is painted (or a moment, in a background tab, where frames wait until it is shown). */
export function afterNextPaint(): Promise<void> {
  return Promise.race([
    new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))),
    new Promise<void>((resolve) => setTimeout(resolve, 100)),
  ]);
}
