package org.accord.http;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.channel.socket.DuplexChannel;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import org.springframework.boot.reactor.netty.NettyReactiveWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * The request line and header limits of the gateway and every service, answered with problem+json.
 *
 * <p>Reactor Netty's HTTP decoder enforces them itself ({@code server.netty.max-initial-line-length}
 * and {@code server.max-http-request-header-size}, which Accord sets from
 * {@code accord.max-request-line} and {@code accord.max-request-headers}): a request past either is
 * never parsed, so no WebFilter or controller sees it, and Netty answers 414 or 431 with an empty
 * body and closes the connection. This puts a handler beside the decoder that gives that answer an
 * RFC 9457 body naming the limit in bytes, the limit as Netty applies it (read from the server's
 * decoder settings once Boot's own customizer has applied the properties). The 431's
 * {@code instance} is the request's path; a 414 has none, as its request line was never read whole.
 *
 * <p>A client may still be sending the rest of its request when the answer is written. Closing a
 * socket with unread data makes the kernel answer with a reset, and a reset throws away the answer
 * the client has not read yet. So the connection is not closed at once: the answer is followed by
 * the end of the output (FIN), the rest of the request is read and dropped, and the connection
 * closes when the client closes its side, or after {@link #LINGER} at the most.
 */
public final class RequestHeadLimit implements WebServerFactoryCustomizer<NettyReactiveWebServerFactory>, Ordered {

    static final String HANDLER = "accord.requestHeadLimit";

    /** How long a refused request may go on arriving (and be dropped) before its connection is closed. */
    static final Duration LINGER = Duration.ofSeconds(5);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public int getOrder() {
        // After Boot's NettyReactiveWebServerFactoryCustomizer, whose decoder settings are the limits named here.
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void customize(NettyReactiveWebServerFactory factory) {
        factory.addServerCustomizers(RequestHeadLimit::answerWithProblems);
    }

    /** The server with Netty's 414 and 431 answers given problem+json bodies that name its decoder's limits. */
    public static HttpServer answerWithProblems(HttpServer server) {
        int maxLine = server.configuration().decoder().maxInitialLineLength();
        int maxHeaders = server.configuration().decoder().maxHeaderSize();
        return server.doOnChannelInit((observer, channel, remoteAddress) -> {
            if (channel.pipeline().get(NettyPipeline.HttpCodec) != null && channel.pipeline().get(HANDLER) == null) {
                channel.pipeline().addAfter(NettyPipeline.HttpCodec, HANDLER, new ProblemAnswers(maxLine, maxHeaders));
            }
        });
    }

    /** The detail of a 414: the request line and its limit in bytes. */
    static String lineDetail(int maxLine) {
        return "The request line (method, URI and HTTP version) is longer than the " + maxLine
                + " bytes accepted (accord.max-request-line)";
    }

    /** The detail of a 431: the header fields and their limit in bytes, all of them together. */
    static String headersDetail(int maxHeaders) {
        return "The request's header fields are larger than the " + maxHeaders
                + " bytes accepted, all of them together (accord.max-request-headers)";
    }

    /**
     * Sees each decoded request on its way in; when the decoder failed on one for its length, the
     * empty 414 or 431 Reactor Netty writes next on this connection gets the problem body. Responses
     * of the application (which pass here too) are left alone.
     */
    static final class ProblemAnswers extends ChannelDuplexHandler {

        private final int maxLine;
        private final int maxHeaders;
        private HttpResponseStatus refused;
        private String instance;
        /** The write of the problem answer, once written: the connection then closes only after lingering. */
        private ChannelFuture answered;
        private ChannelPromise closing;

        ProblemAnswers(int maxLine, int maxHeaders) {
            this.maxLine = maxLine;
            this.maxHeaders = maxHeaders;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
            if (msg instanceof HttpRequest request && request.decoderResult().isFailure()) {
                Throwable cause = request.decoderResult().cause();
                if (cause instanceof TooLongHttpLineException) {
                    refused = HttpResponseStatus.REQUEST_URI_TOO_LONG;
                    instance = null;
                } else if (cause instanceof TooLongHttpHeaderException) {
                    refused = HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE;
                    instance = path(request.uri());
                }
            }
            super.channelRead(ctx, msg);
        }

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
            if (refused != null && msg instanceof FullHttpResponse response && response.status().equals(refused)
                    && response.content().readableBytes() == 0 && !response.headers().contains(HttpHeaderNames.CONTENT_TYPE)) {
                byte[] body = problem();
                refused = null;
                FullHttpResponse answer = response.replace(Unpooled.wrappedBuffer(body));
                response.release();
                answer.headers()
                        .set(HttpHeaderNames.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE)
                        .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
                answered = promise;
                super.write(ctx, answer, promise);
                return;
            }
            super.write(ctx, msg, promise);
        }

        @Override
        public void close(ChannelHandlerContext ctx, ChannelPromise promise) throws Exception {
            if (answered == null || closing != null || !(ctx.channel() instanceof DuplexChannel channel) || !channel.isActive()) {
                super.close(ctx, promise);
                return;
            }
            closing = promise.unvoid();
            answered.addListener(written -> {
                if (!written.isSuccess()) {
                    ctx.close(closing);
                    return;
                }
                // The answer is out: end the output, then read (the decoder drops what it reads) until the client closes.
                channel.shutdownOutput();
                channel.config().setAutoRead(true);
                ctx.read();
                ScheduledFuture<?> timeout = ctx.executor().schedule(() -> ctx.close(closing), LINGER.toMillis(), TimeUnit.MILLISECONDS);
                closing.addListener(closed -> timeout.cancel(false));
            });
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) throws Exception {
            if (closing != null) {
                closing.trySuccess();
            }
            super.channelInactive(ctx);
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
            if (closing != null && event instanceof ChannelInputShutdownEvent) {
                // The client sent all it had and ended its side: nothing is left to reset the answer.
                ctx.close(closing);
                return;
            }
            super.userEventTriggered(ctx, event);
        }

        private byte[] problem() {
            HttpStatus status = HttpStatus.valueOf(refused.code());
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("type", "about:blank");
            problem.put("title", status.getReasonPhrase());
            problem.put("status", status.value());
            problem.put("detail", status == HttpStatus.URI_TOO_LONG ? lineDetail(maxLine) : headersDetail(maxHeaders));
            if (instance != null) {
                problem.put("instance", instance);
            }
            return JSON.writeValueAsString(problem).getBytes(StandardCharsets.UTF_8);
        }

        /** The request's path, if the decoder read a real one (Netty names an unreadable request "/bad-request"). */
        private static String path(String uri) {
            try {
                String path = new QueryStringDecoder(uri).rawPath();
                return path.isEmpty() || path.equals("/bad-request") ? null : path;
            } catch (RuntimeException e) {
                return null;
            }
        }
    }
}
