package dev.atelier.common.redis;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Response;

/**
 * A Lua script, for the few changes that must be atomic across several keys. Run by its SHA-1 (EVALSHA); when Redis
 * does not know it yet (first use, a restart, SCRIPT FLUSH) it is loaded once (SCRIPT LOAD) and run again. The one
 * place Atelier sends raw commands: the typed Redis client has no scripting group.
 */
public final class LuaScript {

    private final ReactiveRedisDataSource redis;
    private final String source;
    private final String sha;

    public LuaScript(ReactiveRedisDataSource redis, String source) {
        this.redis = redis;
        this.source = source;
        this.sha = sha1(source);
    }

    /** Runs the script with these keys and arguments. */
    public Uni<Response> run(List<String> keys, String... args) {
        return evalsha(keys, args)
                .onFailure(LuaScript::unknownScript).recoverWithUni(failure -> redis.execute("SCRIPT", "LOAD", source)
                        .chain(() -> evalsha(keys, args)));
    }

    private Uni<Response> evalsha(List<String> keys, String... args) {
        List<String> command = new ArrayList<>(keys.size() + args.length + 2);
        command.add(sha);
        command.add(Integer.toString(keys.size()));
        command.addAll(keys);
        command.addAll(List.of(args));
        return redis.execute("EVALSHA", command.toArray(String[]::new));
    }

    private static boolean unknownScript(Throwable failure) {
        return String.valueOf(failure.getMessage()).startsWith("NOSCRIPT");
    }

    private static String sha1(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every Java runtime", e);
        }
    }
}
