/** Launch options for Debian's Chromium, shared by the browser tests and the benchmarks. */
export function chromiumLaunchOptions() {
	return {
		executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
			'--no-first-run',
			'--disable-quic'
		]
	};
}
