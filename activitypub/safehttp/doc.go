// Package safehttp is Corkboard's one client for outgoing HTTP requests to
// hosts named by untrusted input: link previews, remote images and, later,
// ActivityPub actors, objects and deliveries.
//
// Any user can make the server fetch a URL of their choosing, so without care
// the server becomes a proxy into its own network (SSRF): cloud metadata at
// 169.254.169.254, an admin panel on 127.0.0.1, a database on 10.0.0.5.
//
// The defence sits at the only point that cannot be fooled: the dialer. Every
// TCP connection is checked in a net.Dialer Control callback, which sees the
// exact address the socket is about to connect to, after DNS and before
// connect(2). A host that resolves to a public address for a pre-flight check
// and to 127.0.0.1 a moment later (DNS rebinding) is still caught, and so is
// every redirect hop, because each new connection passes the same check.
// Proxies are disabled, since a proxy would make the dial go to the proxy and
// hide the real destination.
//
// On top of that the client caps the total time, the number of redirects and
// the response size, and only speaks http and https to URLs without userinfo.
package safehttp
