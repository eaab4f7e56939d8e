package dev.atelier.provider.sdwebui;

import java.util.List;

/**
 * The web UI's answer to {@code POST /sdapi/v1/txt2img} (AUTOMATIC1111 / Forge API): base64 images and
 * {@code info}, a JSON document inside a string that holds the seeds.
 */
record Txt2ImgAnswer(List<String> images, String info) {
}
