/** A short two-note chime made with Web Audio, so no sound file is shipped or fetched. */
export function playChime() {
  const AudioContextClass = window.AudioContext;
  if (!AudioContextClass) return;
  const context = new AudioContextClass();
  const start = context.currentTime;
  [880, 1320].forEach((frequency, index) => {
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    oscillator.frequency.value = frequency;
    gain.gain.setValueAtTime(0.0001, start + index * 0.12);
    gain.gain.exponentialRampToValueAtTime(0.2, start + index * 0.12 + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + index * 0.12 + 0.25);
    oscillator.connect(gain).connect(context.destination);
    oscillator.start(start + index * 0.12);
    oscillator.stop(start + index * 0.12 + 0.3);
  });
  setTimeout(() => void context.close(), 800);
}
