// Phaser built from its sources with only what the game uses (vite.config.ts points "phaser"
// here). Types still come from the phaser package; this object has the same shape for the
// parts the client touches.

// First, as in Phaser's own build: the renderer's namespace requires its render nodes, and one
// of them requires the namespace back; loaded from the renderer's side first (when the game
// boots) that cycle hands a render node a half-made base class.
import "phaser/src/renderer/index.js";
import CONST from "phaser/src/const.js";
import Game from "phaser/src/core/Game.js";
import CoreEvents from "phaser/src/core/events/index.js";
import Scene from "phaser/src/scene/Scene.js";
import SceneEvents from "phaser/src/scene/events/index.js";
import Scale from "phaser/src/scale/index.js";
import Rectangle from "phaser/src/geom/rectangle/Rectangle.js";
import Pointer from "phaser/src/input/Pointer.js";
import DynamicTexture from "phaser/src/textures/DynamicTexture.js";
import CanvasTexture from "phaser/src/textures/CanvasTexture.js";
import Image from "phaser/src/gameobjects/image/Image.js";
import Graphics from "phaser/src/gameobjects/graphics/Graphics.js";
import Layer from "phaser/src/gameobjects/layer/Layer.js";
import RenderTexture from "phaser/src/gameobjects/rendertexture/RenderTexture.js";
import Text from "phaser/src/gameobjects/text/Text.js";
import Arc from "phaser/src/gameobjects/shape/arc/Arc.js";
import ParticleEmitter from "phaser/src/gameobjects/particles/ParticleEmitter.js";

// Scene plugins: each registers itself when loaded.
import "phaser/src/events/EventEmitter.js";
import "phaser/src/cameras/2d/CameraManager.js";
import "phaser/src/scene/ScenePlugin.js";
import "phaser/src/gameobjects/GameObjectFactory.js";
import "phaser/src/gameobjects/GameObjectCreator.js";
import "phaser/src/gameobjects/DisplayList.js";
import "phaser/src/gameobjects/UpdateList.js";
import "phaser/src/time/Clock.js";
import "phaser/src/tweens/TweenManager.js";
import "phaser/src/input/InputPlugin.js";

// Game object factories (scene.add.*) and creators (scene.make.*): each registers itself.
import "phaser/src/gameobjects/image/ImageFactory.js";
import "phaser/src/gameobjects/graphics/GraphicsFactory.js";
import "phaser/src/gameobjects/graphics/GraphicsCreator.js";
import "phaser/src/gameobjects/layer/LayerFactory.js";
import "phaser/src/gameobjects/rendertexture/RenderTextureFactory.js";
import "phaser/src/gameobjects/text/TextFactory.js";
import "phaser/src/gameobjects/shape/arc/ArcFactory.js";
import "phaser/src/gameobjects/particles/ParticleEmitterFactory.js";

const Phaser = {
  ...CONST,
  Game,
  Scene,
  Core: { Events: CoreEvents },
  Scenes: { Events: SceneEvents },
  Scale,
  Geom: { Rectangle },
  Input: { Pointer },
  Textures: { DynamicTexture, CanvasTexture },
  GameObjects: { Image, Graphics, Layer, RenderTexture, Text, Arc, Particles: { ParticleEmitter } },
};

export default Phaser;
