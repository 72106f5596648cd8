# syntax=docker/dockerfile:1

# Build a static binary: pure-Go SQLite and PostgreSQL drivers need no cgo.
FROM golang:1.26 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ARG VERSION=dev
RUN CGO_ENABLED=0 go build -trimpath -ldflags "-s -w -X main.version=${VERSION}" -o /out/corkboard ./cmd/corkboard \
 && mkdir -p /out/data

# Run as the distroless "nonroot" user (65532): no shell, CA certificates
# and /etc/passwd included.
FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/corkboard /corkboard
# A named volume copies this directory's owner, so the server can write it.
COPY --from=build --chown=65532:65532 /out/data /data
ENV CORKBOARD_LISTEN=0.0.0.0:8080 \
    CORKBOARD_DATA_DIR=/data
EXPOSE 8080
VOLUME /data
USER nonroot:nonroot
# No shell or curl here: the binary checks itself (GET /readyz on CORKBOARD_LISTEN).
HEALTHCHECK --interval=30s --timeout=10s --start-period=30s --retries=3 CMD ["/corkboard", "healthcheck"]
ENTRYPOINT ["/corkboard"]
CMD ["serve"]
